/**
 * Roster intake (申請者名簿): a facility's or the counter's list of applicants, uploaded as
 * CSV (UTF-8 or Shift_JIS) or XLSX, validated row by row, and turned into cases. An
 * import keeps everything or nothing, unless the clerk chooses to keep the valid rows;
 * the original file is kept unchanged in the content store.
 */
package jp.madoguchi.roster;
