package jp.madoguchi.forms.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.TemplateRejectedException;
import jp.madoguchi.tenant.Role;
import jp.madoguchi.tenant.StaffUser;

/**
 * Templates: a preview of each installed form with sample data, and for an ADMIN the check and
 * preview of a municipality's own version (the JSON file as the request body). A template naming
 * an unknown field or not fitting its page answers 422 with the line.
 */
@RestController
@RequestMapping("/api/templates")
class TemplatesApi {

    private final FormsEngine engine;

    TemplatesApi(FormsEngine engine) {
        this.engine = engine;
    }

    @GetMapping(value = "/{form}/preview.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    byte[] preview(@AuthenticationPrincipal StaffUser user, @PathVariable String form) {
        if (!user.hasRole(Role.CLERK) && !user.hasRole(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return engine.preview(form(form)).pdf();
    }

    @PostMapping(value = "/{form}/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> check(@AuthenticationPrincipal StaffUser user, @PathVariable String form,
                              @RequestBody byte[] json) {
        requireAdmin(user);
        engine.checkTemplate(form(form), "template.json", json);
        return Map.of("form", form, "accepted", true);
    }

    @PostMapping(value = "/{form}/preview.pdf", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_PDF_VALUE)
    byte[] previewUpload(@AuthenticationPrincipal StaffUser user, @PathVariable String form, @RequestBody byte[] json) {
        requireAdmin(user);
        return engine.previewTemplate(form(form), "template.json", json).pdf();
    }

    @ExceptionHandler(TemplateRejectedException.class)
    ResponseEntity<Map<String, String>> rejected(TemplateRejectedException e) {
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "TEMPLATE_REJECTED", "message", e.getMessage()));
    }

    private static FormId form(String id) {
        try {
            return FormId.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static void requireAdmin(StaffUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
