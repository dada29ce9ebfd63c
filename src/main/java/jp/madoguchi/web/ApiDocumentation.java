package jp.madoguchi.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.madoguchi.errors.ApiError;

/**
 * {@code /api/openapi.json} lists, for every operation, the error answers it can give,
 * each with the one error body {@link ApiError}: 400 (a malformed id, parameter or body),
 * 401, 403, 404 for a path with an id, 415 for a request body. An operation documents its
 * own further answers (409, 413, 422) with {@code @ApiResponse}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String ERROR_REF = "#/components/schemas/ApiError";

	@Bean
	OpenApiCustomizer errorResponses() {
		return openApi -> {
			ModelConverters.getInstance().read(ApiError.class).forEach(openApi.getComponents()::addSchemas);
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
				ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
						: operation.getResponses();
				operation.setResponses(responses);
				add(responses, "400", "リクエストの内容が正しくありません（BAD_PARAMETER, MALFORMED_JSON など）");
				add(responses, "401", "サインインしていません");
				add(responses, "403", "権限がありません（FORBIDDEN）");
				if (path.contains("{")) {
					add(responses, "404", "見つかりません（NOT_FOUND）");
				}
				if (operation.getRequestBody() != null) {
					add(responses, "415", "この形式には対応していません（UNSUPPORTED_MEDIA_TYPE）");
				}
				errorBodies(operation);
			}));
		};
	}

	private static void add(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(description));
		}
	}

	/** Every 4xx answer without a body of its own carries {@link ApiError}. */
	private static void errorBodies(Operation operation) {
		operation.getResponses().forEach((status, response) -> {
			if (status.startsWith("4") && (response.getContent() == null || response.getContent().isEmpty())) {
				response.setContent(new Content().addMediaType("application/json",
						new MediaType().schema(new Schema<ApiError>().$ref(ERROR_REF))));
			}
		});
	}

}
