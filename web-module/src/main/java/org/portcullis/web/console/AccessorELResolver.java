package org.portcullis.web.console;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets pages read Portcullis' records and entities as they are: {@code #{row.recipient}} calls
 * {@code recipient()}. Expression Language 5 (Jakarta EE 10) reads only JavaBean getters; the
 * services answer with records and entities with accessor methods, and wrapping each in a bean for
 * the console would copy every one. Read-only, only for classes under {@code org.portcullis}, only
 * public no-argument methods; anything else is left to the standard resolvers. Thread-safe.
 */
public class AccessorELResolver extends ELResolver {

  private static final String PACKAGE = "org.portcullis.";

  /** Accessors found per class and name; {@code Optional.empty()} when there is none. */
  private final Map<Class<?>, Map<String, Optional<Method>>> accessors = new ConcurrentHashMap<>();

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    Optional<Method> accessor = accessor(base, property);
    if (accessor.isEmpty()) {
      return null;
    }
    context.setPropertyResolved(base, property);
    try {
      return accessor.get().invoke(base);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    Optional<Method> accessor = accessor(base, property);
    if (accessor.isEmpty()) {
      return null;
    }
    context.setPropertyResolved(base, property);
    // read-only: EL 5 says getType answers null for a property that cannot be written
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (accessor(base, property).isPresent()) {
      throw new PropertyNotWritableException(
          base.getClass().getSimpleName() + "." + property + " is read-only");
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (accessor(base, property).isEmpty()) {
      return false;
    }
    context.setPropertyResolved(base, property);
    return true;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base != null && handles(base.getClass()) ? String.class : null;
  }

  Optional<Method> accessor(Object base, Object property) {
    if (base == null || !(property instanceof String name) || !handles(base.getClass())) {
      return Optional.empty();
    }
    return accessors
        .computeIfAbsent(base.getClass(), type -> new ConcurrentHashMap<>())
        .computeIfAbsent(name, n -> find(base.getClass(), n));
  }

  private static boolean handles(Class<?> type) {
    return type.getName().startsWith(PACKAGE);
  }

  private static Optional<Method> find(Class<?> type, String name) {
    String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    String is = "is" + getter.substring(3);
    for (Method method : type.getMethods()) {
      if (method.getName().equals(getter) || method.getName().equals(is)) {
        // a JavaBean property: the standard BeanELResolver reads it
        if (method.getParameterCount() == 0) {
          return Optional.empty();
        }
      }
    }
    try {
      Method method = type.getMethod(name);
      boolean usable =
          Modifier.isPublic(method.getModifiers())
              && !Modifier.isStatic(method.getModifiers())
              && method.getReturnType() != void.class
              && Modifier.isPublic(method.getDeclaringClass().getModifiers());
      return usable ? Optional.of(method) : Optional.empty();
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }
}
