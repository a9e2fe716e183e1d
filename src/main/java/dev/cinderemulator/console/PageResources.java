package dev.cinderemulator.console;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The contracts under {@code /openapi/} are served as {@code application/yaml} (RFC 9512), not as
 * bytes of no known type, and {@code /favicon.ico} is the emulator's own icon, not a 404.
 */
@Configuration(proxyBeanMethods = false)
class PageResources implements WebMvcConfigurer {

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> yamlMimeType() {
        return factory -> {
            MimeMappings yaml = new MimeMappings();
            yaml.add("yaml", "application/yaml");
            yaml.add("yml", "application/yaml");
            factory.addMimeMappings(yaml);
        };
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/console/");
    }
}
