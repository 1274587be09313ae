package dev.bazaar.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The web edge ({@code bazaar.web.*}).
 *
 * @param maxBodySize request bodies above it are refused with 413 before anything reads them
 */
@ConfigurationProperties("bazaar.web")
public record WebEdgeProperties(@DefaultValue("256KB") DataSize maxBodySize) {
}
