package dev.cinderemulator.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cinderemulator.lifecycle.EmulatorClock;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    EmulatorClock emulatorClock() {
        return new EmulatorClock(Clock.systemUTC());
    }
}
