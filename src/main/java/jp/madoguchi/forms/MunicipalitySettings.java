package jp.madoguchi.forms;

/**
 * What a municipality prints on its forms.
 *
 * @param name e.g. 高梁市 (replaces 〇〇〇 in the consent items)
 * @param mayorTitle e.g. 高梁市長 (the addressee: 「高梁市長 殿」)
 * @param department e.g. 市民課
 * @param phone e.g. 0866-21-0253
 * @param hours e.g. 平日 8:30〜17:15
 */
public record MunicipalitySettings(String name, String mayorTitle, String department, String phone, String hours) {
}
