package org.portcullis.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * JSON-B as the API uses it: bodies are bound through their fields, so answers can be records. (The
 * Yasson inside embedded Payara cannot see record accessors: its Java 16 support sits in a
 * multi-release part of the jar that the embedded uber-jar does not enable.)
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyVisibilityStrategy(
                  new PropertyVisibilityStrategy() {
                    @Override
                    public boolean isVisible(Field field) {
                      int modifiers = field.getModifiers();
                      return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers);
                    }

                    @Override
                    public boolean isVisible(Method method) {
                      return false;
                    }
                  }));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
