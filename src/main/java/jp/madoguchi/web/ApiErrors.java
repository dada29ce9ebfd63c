package jp.madoguchi.web;

import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import tools.jackson.core.JacksonException;

import jp.madoguchi.errors.ApiError;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.ClientErrorSource;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.retention.DisposedRecordError;
import jp.madoguchi.retention.RecordDisposedException;
import jp.madoguchi.retention.Tombstone;

/**
 * Error answers for people and programs: {@link ApiError} JSON on {@code /api/**}, the
 * Japanese error page elsewhere, both with the text of the one message catalogue. Never a
 * stack trace in the answer; unexpected failures are logged by type and request path
 * only.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final Messages messages;

	ApiErrors(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ClientError.class)
	Object clientError(HttpServletRequest request, ClientError e) {
		return answer(request, e.status(), this.messages.of(e));
	}

	/**
	 * Content disposed of after its retention: 410 with its tombstone
	 * ({@link DisposedRecordError} on the API, the message on a page).
	 */
	@ExceptionHandler(RecordDisposedException.class)
	Object disposed(HttpServletRequest request, RecordDisposedException e) {
		Tombstone t = e.tombstone();
		String message = messages.text("DISPOSED",
				messages.text("RECORD_TYPE_" + t.recordType().toUpperCase(Locale.ROOT).replace('-', '_')), t.recordId(),
				t.disposedAt().atZoneSameInstant(JAPAN).toLocalDate(), t.proposedBy(), t.approvedBy());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(HttpStatus.GONE).body(DisposedRecordError.of(t, message));
		}
		return answer(request, HttpStatus.GONE, new ApiError("DISPOSED", message));
	}

	/** A method's {@code @PreAuthorize} refused the signed-in user. */
	@ExceptionHandler(AccessDeniedException.class)
	Object denied(HttpServletRequest request) {
		return answer(request, ClientError.forbidden());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		return answer(request, new ClientError(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE"));
	}

	@ExceptionHandler(MultipartException.class)
	Object badMultipart(HttpServletRequest request) {
		return answer(request, ClientError.badRequest("BAD_UPLOAD"));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	Object missingFile(HttpServletRequest request) {
		return answer(request, ClientError.badRequest("FILE_MISSING"));
	}

	/** {@code /api/cases/abc}: a path or query value of the wrong type. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(HttpServletRequest request, MethodArgumentTypeMismatchException e) {
		return answer(request, ClientError.badRequest("BAD_PARAMETER", e.getName()).field(e.getName()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(HttpServletRequest request, MissingServletRequestParameterException e) {
		return answer(request,
				ClientError.badRequest("MISSING_PARAMETER", e.getParameterName()).field(e.getParameterName()));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	Object missingHeader(HttpServletRequest request, MissingRequestHeaderException e) {
		return answer(request, ClientError.badRequest("MISSING_PARAMETER", e.getHeaderName()).field(e.getHeaderName()));
	}

	/**
	 * Malformed JSON, an empty body, an unknown enum value or a value of the wrong type:
	 * the field is named when Jackson knows it, its message never reaches the client.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object notReadable(HttpServletRequest request, HttpMessageNotReadableException e) {
		String field = fieldOf(e);
		ClientError error = field == null ? ClientError.badRequest("MALFORMED_JSON")
				: ClientError.badRequest("BAD_FIELD_VALUE", field).field(field);
		return answer(request, error);
	}

	/** {@code @Valid} on a request body or form: the first failing field is named. */
	@ExceptionHandler(MethodArgumentNotValidException.class)
	Object invalid(HttpServletRequest request, MethodArgumentNotValidException e) {
		FieldError first = e.getBindingResult().getFieldError();
		String field = first == null ? null : first.getField();
		return answer(request, field == null ? ClientError.badRequest("BAD_REQUEST")
				: ClientError.badRequest("INVALID_FIELD", field).field(field));
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object invalidParameter(HttpServletRequest request, HandlerMethodValidationException e) {
		String name = e.getParameterValidationResults()
			.stream()
			.map(r -> r.getMethodParameter().getParameterName())
			.filter(n -> n != null)
			.findFirst()
			.orElse(null);
		return answer(request, name == null ? ClientError.badRequest("BAD_REQUEST")
				: ClientError.badRequest("INVALID_FIELD", name).field(name));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object unsupportedType(HttpServletRequest request) {
		return answer(request, new ClientError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpServletRequest request) {
		return answer(request, new ClientError(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED"));
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	Object noSuchPath(HttpServletRequest request) {
		return answer(request, ClientError.notFound());
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(HttpServletRequest request, Exception e) {
		if (e instanceof ClientErrorSource source) {
			return answer(request, source.toClientError());
		}
		if (e instanceof ErrorResponse known) {
			// 404, 405, 400 and the like, raised by Spring MVC or by a controller: not
			// failures of the service.
			HttpStatusCode status = known.getStatusCode();
			return answer(request, new ClientError(HttpStatus.valueOf(status.value()), codeOf(status)));
		}
		log.error("Unexpected {} on {} {}", e.getClass().getName(), request.getMethod(), request.getRequestURI(),
				withoutMessage(e));
		return answer(request, new ClientError(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR"));
	}

	/** The JSON property a value could not be read for, e.g. {@code workstation}. */
	private static String fieldOf(HttpMessageNotReadableException e) {
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
				String path = mapping.getPath()
					.stream()
					.map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
					.collect(Collectors.joining("."));
				return path.isEmpty() ? null : path;
			}
		}
		return null;
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

	private Object answer(HttpServletRequest request, ClientError error) {
		return answer(request, error.status(), this.messages.of(error));
	}

	private static Object answer(HttpServletRequest request, HttpStatusCode status, ApiError body) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status).body(body);
		}
		ModelAndView page = new ModelAndView("error", new RedirectAttributesModelMap());
		page.addObject("status", status.value());
		page.addObject("message", body.message());
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
			default -> "BAD_REQUEST";
		};
	}

}
