/**
 * Content-addressed file store under the data directory: every file (uploaded rosters
 * now, scans later) is kept under its SHA-256, written once and never modified, so an
 * original can always be proven unchanged.
 */
package jp.madoguchi.storage;
