package jp.madoguchi.support;

import java.util.EnumSet;

import jp.madoguchi.tenant.LocalGovernmentCode;
import jp.madoguchi.tenant.Role;
import jp.madoguchi.tenant.Tenants;

/**
 * A second municipality beside the demo one, to prove that neither sees the other's data.
 */
public final class TestMunicipalities {

	public static final String OTHER_CLERK = "chiyoda-clerk";

	public static final String OTHER_OFFICER = "chiyoda-officer";

	public static final String PASSWORD = "Chiyoda-Kawa-Sora-2026";

	private TestMunicipalities() {
	}

	public static void ensureOther(Tenants tenants) {
		var code = new LocalGovernmentCode("131016");
		var m = tenants.findMunicipality(code)
			.orElseGet(() -> tenants.createMunicipality(code, "千代田区", "千代田区長", "区民課", "03-0000-0000", "平日 8:30～17:15"));
		if (!tenants.userExists(OTHER_CLERK)) {
			tenants.createUser(m.id(), OTHER_CLERK, PASSWORD, "千代田 職員", EnumSet.of(Role.CLERK));
		}
		if (!tenants.userExists(OTHER_OFFICER)) {
			tenants.createUser(m.id(), OTHER_OFFICER, PASSWORD, "千代田 記録", EnumSet.of(Role.RECORDS_OFFICER));
		}
	}

}
