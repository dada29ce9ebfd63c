/**
 * CSV for spreadsheets, shared by every module's downloads. An open module: pure
 * functions with no state and no dependency on other modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.madoguchi.csv;
