/**
 * Japanese text rules shared by every module: era (和暦) and Western dates, kana readings.
 * An open module: pure functions with no state and no dependency on other modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.madoguchi.japanese;
