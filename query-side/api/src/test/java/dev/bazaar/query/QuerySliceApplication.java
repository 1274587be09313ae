package dev.bazaar.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration controller slice tests ({@code @WebMvcTest}) start from: the query side's controllers and
 * nothing of the application that assembles it (no security chain, no problem advice, no database).
 */
@SpringBootApplication
public class QuerySliceApplication {

}
