package jp.madoguchi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MadoguchiApplication {

	public static void main(String[] args) {
		SpringApplication.run(MadoguchiApplication.class, args);
	}

}
