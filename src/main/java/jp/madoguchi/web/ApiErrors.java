package jp.madoguchi.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Error answers for people and programs: JSON {@code {code, message}} on {@code /api/**},
 * the Japanese error page elsewhere. Never a stack trace in the answer; unexpected
 * failures are logged by type and request path only.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		return answer(request, HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", "ファイルが大きすぎます。上限を超えるファイルは取り込めません。");
	}

	@ExceptionHandler(MultipartException.class)
	Object badMultipart(HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "BAD_UPLOAD", "アップロードを読み取れませんでした。もう一度送ってください。");
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	Object missingFile(HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "FILE_MISSING", "ファイル（項目名 file）がありません。");
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(HttpServletRequest request, Exception e) {
		if (e instanceof ErrorResponse known) {
			// 404, 405, 400 and the like, raised by Spring MVC or by a controller: not
			// failures of the service.
			HttpStatusCode status = known.getStatusCode();
			return answer(request, status, codeOf(status), messageOf(status));
		}
		log.error("Unexpected {} on {} {}", e.getClass().getName(), request.getMethod(), request.getRequestURI(),
				withoutMessage(e));
		return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
				"処理中に問題が発生しました。時間をおいてもう一度お試しください。続く場合は管理者に連絡してください。");
	}

	/**
	 * The stack shows where it failed; the message may quote data (a SQL value, a cell),
	 * so it is left out.
	 */
	private static Throwable withoutMessage(Exception e) {
		Throwable t = new Throwable(e.getClass().getName());
		t.setStackTrace(e.getStackTrace());
		return t;
	}

	private static Object answer(HttpServletRequest request, HttpStatusCode status, String code, String message) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
		}
		ModelAndView page = new ModelAndView("error", new RedirectAttributesModelMap());
		page.addObject("status", status.value());
		page.addObject("message", message);
		page.setStatus(status);
		return page;
	}

	private static String codeOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "BAD_REQUEST";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 413 -> "FILE_TOO_LARGE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			default -> "HTTP_" + status.value();
		};
	}

	static String messageOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "リクエストの内容が正しくありません。";
			case 403 -> "この操作を行う権限がありません。";
			case 404 -> "お探しの情報は見つかりません。";
			case 405 -> "この操作はできません。";
			case 413 -> "ファイルが大きすぎます。";
			case 415 -> "この形式には対応していません。";
			default -> "処理できませんでした。";
		};
	}

}
