package jp.madoguchi.scans;

import org.springframework.web.multipart.MultipartFile;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.storage.UploadNames;
import jp.madoguchi.tenant.StaffUser;

/** Who brought a file and under which name. */
final class ScanIntake {

	/** Kept whole up to the column's width. */
	static final int FILE_NAME = 1024;

	private ScanIntake() {
	}

	static ScanService.Intake upload(StaffUser user, MultipartFile file) {
		if (file.isEmpty()) {
			throw ClientError.badRequest("NO_FILE_CHOSEN").field("file");
		}
		return new ScanService.Intake(user.municipalityId(), user.getUsername(), fileName(file.getOriginalFilename()),
				"UPLOAD");
	}

	static String fileName(String name) {
		return UploadNames.of(name, "scan", FILE_NAME);
	}

}
