package jp.madoguchi.tenant;

/**
 * 全国地方公共団体コード: five digits and a check digit. The check digit is the last digit of 11 −
 * (Σ digit × weight mod 11) with weights 6, 5, 4, 3, 2 (so 高梁市 33209 → 332097).
 */
public record LocalGovernmentCode(String value) {

	private static final int[] WEIGHTS = { 6, 5, 4, 3, 2 };

	public LocalGovernmentCode {
		if (!isValid(value)) {
			throw new IllegalArgumentException("地方公共団体コードが正しくありません（6桁、検査数字付き）");
		}
	}

	public static boolean isValid(String code) {
		if (code == null || !code.matches("\\d{6}")) {
			return false;
		}
		return checkDigit(code.substring(0, 5)) == code.charAt(5) - '0';
	}

	static int checkDigit(String firstFive) {
		int sum = 0;
		for (int i = 0; i < 5; i++) {
			sum += (firstFive.charAt(i) - '0') * WEIGHTS[i];
		}
		return (11 - sum % 11) % 10;
	}

	@Override
	public String toString() {
		return value;
	}
}
