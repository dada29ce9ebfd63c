package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import jp.madoguchi.MadoguchiApplication;

/** The forms module is a Spring Modulith module whose internals nobody else reaches into. */
class ModuleStructureTest {

    @Test
    void formsIsAnApplicationModuleAndTheModelVerifies() {
        ApplicationModules modules = ApplicationModules.of(MadoguchiApplication.class);
        ApplicationModule forms = modules.getModuleByName("forms").orElseThrow();
        assertThat(forms.getDisplayName()).isEqualTo("Forms");
        modules.verify();
    }
}
