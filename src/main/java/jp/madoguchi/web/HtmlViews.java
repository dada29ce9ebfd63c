package jp.madoguchi.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Every template is an HTML page, whatever the path: without this, Thymeleaf takes the
 * content type from the path's extension, so the error page for a refused
 * {@code …/template.json} would be sent as {@code application/json}.
 */
@Configuration
class HtmlViews {

	@Bean
	static BeanPostProcessor htmlContentTypeForEveryView() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setForceContentType(true);
				}
				return bean;
			}
		};
	}

}
