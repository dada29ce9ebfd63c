package jp.madoguchi.scans;

import org.springframework.web.multipart.MultipartFile;

import jp.madoguchi.errors.ClientError;
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
		if (name == null || name.isBlank()) {
			return "scan";
		}
		// Browsers on Windows may send the full path; keep only the name.
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		if (base.codePointCount(0, base.length()) > FILE_NAME) {
			throw ClientError.badRequest("FILE_NAME_TOO_LONG", String.valueOf(FILE_NAME)).field("file");
		}
		return base;
	}

}
