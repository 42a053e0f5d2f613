package org.portcullis.handset.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A command line of {@link HandsetCli}, parsed and checked by {@link CliParser}. */
sealed interface CliCommand {

  /**
   * {@code enroll}: enroll, generate the key pair, upload its public key, save the state.
   *
   * @param state the state directory
   * @param server the server
   * @param msisdn the customer's number; empty when finishing an earlier server-OTP request
   * @param deviceType the kind of handset
   * @param key the key pair to generate
   * @param enrollmentId the earlier server-OTP request to finish with {@code otp}; empty to start
   * @param otp the server OTP; empty to be asked for it
   * @param handsetOtp how to enroll by handset OTP; empty for server OTP
   */
  record Enroll(
      Path state,
      URI server,
      Optional<String> msisdn,
      String deviceType,
      KeyAlgorithm key,
      Optional<String> enrollmentId,
      Optional<String> otp,
      Optional<HandsetOtpOptions> handsetOtp)
      implements CliCommand {}

  /**
   * How to enroll by handset OTP.
   *
   * @param keyword the word before the code in the customer's SMS
   * @param serviceNumber the number to text, when known
   * @param timeout how long to wait for the server to receive the SMS
   */
  record HandsetOtpOptions(String keyword, Optional<String> serviceNumber, Duration timeout) {}

  /**
   * {@code access}: an access request with the saved token.
   *
   * @param state the state directory
   * @param server the server, when not the one the handset enrolled with
   */
  record Access(Path state, Optional<URI> server) implements CliCommand {}

  /**
   * {@code show}: the saved handset, without its secrets.
   *
   * @param state the state directory
   */
  record Show(Path state) implements CliCommand {}

  /**
   * {@code inbox}: the handset's secure messages, without their content.
   *
   * @param state the state directory
   * @param server the server, when not the one the handset enrolled with
   */
  record Inbox(Path state, Optional<URI> server) implements CliCommand {}

  /**
   * {@code read}: fetch one message, decrypt it with the saved private key and print it.
   *
   * @param state the state directory
   * @param server the server, when not the one the handset enrolled with
   * @param messageId the message, as {@code inbox} lists it
   * @param acknowledge whether to tell the server it was read; never implied
   */
  record Read(Path state, Optional<URI> server, String messageId, boolean acknowledge)
      implements CliCommand {}

  /**
   * {@code ack}: tell the server this handset has read the message.
   *
   * @param state the state directory
   * @param server the server, when not the one the handset enrolled with
   * @param messageId the message
   */
  record Ack(Path state, Optional<URI> server, String messageId) implements CliCommand {}

  /**
   * {@code delete}: remove the message from this handset.
   *
   * @param state the state directory
   * @param server the server, when not the one the handset enrolled with
   * @param messageId the message
   */
  record Delete(Path state, Optional<URI> server, String messageId) implements CliCommand {}

  /**
   * {@code reply}: answer a message.
   *
   * @param state the state directory
   * @param server the server, when not the one the handset enrolled with
   * @param messageId the message
   * @param body the reply; empty to read it from standard input
   */
  record Reply(Path state, Optional<URI> server, String messageId, Optional<String> body)
      implements CliCommand {}

  /** {@code help}: the usage text. */
  record Help() implements CliCommand {}

  /**
   * {@code group …}: a private group's action (see {@link GroupCliParser}); empty for {@code group
   * help}.
   */
  record Group(Optional<GroupCommand> command) implements CliCommand {}
}
