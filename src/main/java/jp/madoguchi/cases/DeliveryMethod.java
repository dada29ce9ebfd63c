package jp.madoguchi.cases;

import java.util.Arrays;
import java.util.Optional;

/** 交付方法: how the card reaches the person. */
public enum DeliveryMethod {

	COUNTER("窓口"), RESTRICTED_POST("本人限定受取郵便"), PROXY("代理人");

	private final String label;

	DeliveryMethod(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<DeliveryMethod> fromLabel(String text) {
		return Arrays.stream(values()).filter(d -> d.label.equals(text.strip())).findFirst();
	}

}
