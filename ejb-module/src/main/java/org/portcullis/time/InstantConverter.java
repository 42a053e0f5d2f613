package org.portcullis.time;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores every {@link Instant} as a {@code TIMESTAMP WITH TIME ZONE} in UTC. The EclipseLink that
 * Payara 6 bundles predates JPA 3.1's native {@code Instant} support and would serialise it as
 * bytes; {@link OffsetDateTime} is a JPA 2.2 type every provider maps.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(OffsetDateTime stored) {
    return stored == null ? null : stored.toInstant();
  }
}
