package dev.bazaar.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** One jar for every role; the sides are assembled here by scanning their packages. */
@SpringBootApplication(scanBasePackages = "dev.bazaar")
@EnableScheduling
public class BazaarApplication {

    public static void main(String[] args) {
        // Axon's phone-home usage report: no outbound calls from a marketplace backend
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(BazaarApplication.class, args);
    }

}
