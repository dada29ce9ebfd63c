/**
 * Cases (手続案件): one per applicant, each following one of the six office workflows of the
 * 2024-12-06 notice (three procedures × 本人/代理人) as an ordered list of steps, from written
 * consent to handing over card and leaflet.
 */
package jp.madoguchi.cases;
