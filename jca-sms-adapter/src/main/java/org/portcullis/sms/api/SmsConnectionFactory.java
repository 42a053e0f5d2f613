package org.portcullis.sms.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;

/**
 * Looked up or injected as a resource ({@code @Resource(lookup = "jca/portcullis-sms")}); hands out
 * connections to the SMS gateway. Never returns null: a gateway that cannot be reached is a {@link
 * ResourceException} with the cause.
 */
public interface SmsConnectionFactory extends Serializable, Referenceable {

  SmsConnection getConnection() throws ResourceException;
}
