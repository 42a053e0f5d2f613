package org.portcullis.web.api;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Routes Bean Validation failures to {@link ProblemMapper}: the JAX-RS runtime ships its own mapper
 * for {@link ValidationException}, which would win over a mapper of {@code Throwable}.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

  @Override
  public Response toResponse(ValidationException failure) {
    return ProblemMapper.responseFor(failure);
  }
}
