package org.gatewaypower;

import java.time.Clock;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Gateway Power: a shared, eclipse-aware power budget for the Lunar Gateway partner teams.
 * Server push is on so that every open browser sees each saved edit and its recomputed energy
 * balance without reloading.
 */
@SpringBootApplication
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@PWA(name = "Gateway Power", shortName = "Gateway Power")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** The badge styles (see styles/gateway.css), linked from every page without a frontend rebuild. */
    @Override
    public void configurePage(com.vaadin.flow.server.AppShellSettings settings) {
        settings.addLink("stylesheet", "styles/gateway.css");
    }

    /** One clock for the whole application, so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
