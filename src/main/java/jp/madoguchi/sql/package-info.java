/**
 * SQL helpers shared by every module's own queries (never a way into another module's
 * tables). An open module: pure functions with no state and no dependency on other
 * modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.madoguchi.sql;
