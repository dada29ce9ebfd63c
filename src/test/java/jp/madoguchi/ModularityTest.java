package jp.madoguchi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import com.tngtech.archunit.core.domain.JavaClass;

/**
 * Fails the build when a module reaches into another's internals or the modules form a
 * cycle.
 */
class ModularityTest {

	/**
	 * The reader adapter's jar (jp.madoguchi.reader) is a library the service uses, not
	 * one of its modules.
	 */
	private final ApplicationModules modules = ApplicationModules.of(MadoguchiApplication.class,
			JavaClass.Predicates.resideInAPackage("jp.madoguchi.reader.."));

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
