package org.portcullis.customer.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sealed profile attribute of a customer; the name is the associated data of the seal. */
@Entity
@Table(name = "customer_attribute")
@NamedQuery(
    name = "CustomerAttribute.ofCustomer",
    query = "SELECT a FROM CustomerAttribute a WHERE a.customerRef = :customerRef ORDER BY a.name")
@NamedQuery(
    name = "CustomerAttribute.deleteOfCustomer",
    query = "DELETE FROM CustomerAttribute a WHERE a.customerRef = :customerRef")
public class CustomerAttribute {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "customer_ref", nullable = false, updatable = false)
  private Long customerRef;

  @Column(nullable = false, updatable = false)
  private String name;

  @Column(name = "sealed_value", nullable = false)
  private String sealedValue;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected CustomerAttribute() {}

  public CustomerAttribute(Long customerRef, String name, String sealedValue, Instant updatedAt) {
    this.customerRef = customerRef;
    this.name = name;
    this.sealedValue = sealedValue;
    this.updatedAt = updatedAt;
  }

  /** The associated data binding a sealed value to its customer and name. */
  public static String associatedData(long customerRef, String name) {
    return "attribute:" + customerRef + ":" + name;
  }

  public String name() {
    return name;
  }

  public String sealedValue() {
    return sealedValue;
  }
}
