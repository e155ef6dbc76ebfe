package org.raporto.intake.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

/** What the OpenAPI document at {@code /v3/api-docs} says about itself. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI reportingApi() {
        return new OpenAPI().info(new Info()
                .title("Raporto reporting API")
                .version("v1")
                .description("Report illegal or harmful content online and follow the report with its receipt. The same rules"
                        + " as the RAPORTO! form; errors are RFC 9457 problem details with field errors, in the language of"
                        + " Accept-Language. Send an Idempotency-Key (a UUID) to retry a report safely.")
                .license(new License().name("EUPL-1.2").url("https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12")));
    }
}
