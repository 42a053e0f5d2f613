package org.portcullis.sms.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.io.Serializable;
import org.portcullis.sms.api.SmsListener;

/**
 * What a message-driven bean implementing {@link SmsListener} wants to receive, set with
 * {@code @ActivationConfigProperty}: {@code kind} ({@code MOBILE_ORIGINATED}, {@code
 * DELIVERY_RECEIPT} or {@code ANY}, the default), {@code destinationAddress} (only messages sent to
 * this number or short code) and {@code keyword} (only mobile-originated texts whose first word is
 * this, in any case).
 *
 * <p>Thread-safety: a JavaBean the container configures on one thread before activation; the
 * adapter reads it afterwards through the immutable {@link InboundFilter} made by {@link
 * #validate()}.
 */
@Activation(messageListeners = SmsListener.class)
public class SmsActivationSpec implements ActivationSpec, Serializable {

  private static final long serialVersionUID = 1L;

  @ConfigProperty(
      defaultValue = "ANY",
      description = "Which messages: MOBILE_ORIGINATED, DELIVERY_RECEIPT or ANY")
  private String kind = "ANY";

  @ConfigProperty(
      description = "Only messages sent to this address (service number or short code); empty: all")
  private String destinationAddress;

  @ConfigProperty(
      description = "Only mobile-originated texts whose first word is this (any case); empty: all")
  private String keyword;

  private transient ResourceAdapter resourceAdapter;

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getDestinationAddress() {
    return destinationAddress;
  }

  public void setDestinationAddress(String destinationAddress) {
    this.destinationAddress = destinationAddress;
  }

  public String getKeyword() {
    return keyword;
  }

  public void setKeyword(String keyword) {
    this.keyword = keyword;
  }

  /**
   * Checks the properties together.
   *
   * @throws InvalidPropertyException naming the offending property, with its descriptor
   */
  @Override
  public void validate() throws InvalidPropertyException {
    filter();
  }

  /**
   * The filter these properties describe.
   *
   * @throws InvalidPropertyException when a property is wrong
   */
  public InboundFilter filter() throws InvalidPropertyException {
    try {
      return InboundFilter.of(kind, destinationAddress, keyword);
    } catch (InboundFilter.IllegalFilterException e) {
      InvalidPropertyException invalid =
          new InvalidPropertyException("SMS activation property " + e.getMessage());
      invalid.initCause(e);
      try {
        invalid.setInvalidPropertyDescriptors(
            new PropertyDescriptor[] {
              new PropertyDescriptor(e.property(), SmsActivationSpec.class)
            });
      } catch (IntrospectionException ignored) {
        // the message still names the property
      }
      throw invalid;
    }
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
    this.resourceAdapter = resourceAdapter;
  }

  @Override
  public String toString() {
    return "SmsActivationSpec[kind="
        + kind
        + ", destinationAddress="
        + destinationAddress
        + ", keyword="
        + keyword
        + "]";
  }
}
