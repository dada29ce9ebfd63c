/**
 * The web shell: sign-in, security rules (form login for pages, HTTP Basic for
 * {@code /api/**}), error answers in Japanese without stack traces, and request logs that
 * never carry personal data.
 */
package jp.madoguchi.web;
