/**
 * Municipalities (the tenants), their users and roles. Every record in madoguchi belongs
 * to one municipality, and {@link jp.madoguchi.tenant.StaffUser} carries it for the
 * signed-in user so other modules can scope every query.
 */
package jp.madoguchi.tenant;
