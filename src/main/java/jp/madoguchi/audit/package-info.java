/**
 * Audit trail: who viewed, searched or downloaded which record, when. Written for every
 * access to personal data.
 */
package jp.madoguchi.audit;
