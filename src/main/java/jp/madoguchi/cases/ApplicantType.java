package jp.madoguchi.cases;

import java.util.Arrays;
import java.util.Optional;

/** 申請者区分: the person themself or a proxy acting for them. */
public enum ApplicantType {

	SELF("本人"), PROXY("代理人");

	private final String label;

	ApplicantType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<ApplicantType> fromLabel(String text) {
		return Arrays.stream(values()).filter(t -> t.label.equals(text.strip())).findFirst();
	}

}
