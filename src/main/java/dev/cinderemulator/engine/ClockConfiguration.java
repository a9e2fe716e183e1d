package dev.cinderemulator.engine;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The system clock, wrapped so that tests and the control API can move the emulator's time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    EmulatorClock emulatorClock() {
        return new EmulatorClock(Clock.systemUTC());
    }
}
