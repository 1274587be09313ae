package dev.bazaar.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search index ({@code bazaar.search.*}).
 *
 * @param index the name of the listings index (an alias once a rebuild has switched one in)
 */
@ConfigurationProperties("bazaar.search")
public record SearchProperties(@DefaultValue("bazaar-listings") String index) {
}
