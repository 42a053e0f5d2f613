package org.portcullis.sms.testing;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A work manager that runs every work on the calling thread, as tests outside a container want; it
 * can be told to refuse work, as a saturated container's does.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class SynchronousWorkManager implements WorkManager {

  private final AtomicInteger executed = new AtomicInteger();
  private volatile boolean refusing;

  /** Makes every later request fail with a WorkException. */
  public void refuse(boolean refuse) {
    this.refusing = refuse;
  }

  /** How many works ran. */
  public int executed() {
    return executed.get();
  }

  private void run(Work work) throws WorkException {
    if (refusing) {
      throw new WorkException("refused by the test");
    }
    executed.incrementAndGet();
    work.run();
  }

  @Override
  public void doWork(Work work) throws WorkException {
    run(work);
  }

  @Override
  public void doWork(Work work, long timeout, ExecutionContext context, WorkListener listener)
      throws WorkException {
    run(work);
  }

  @Override
  public long startWork(Work work) throws WorkException {
    run(work);
    return 0;
  }

  @Override
  public long startWork(Work work, long timeout, ExecutionContext context, WorkListener listener)
      throws WorkException {
    run(work);
    return 0;
  }

  @Override
  public void scheduleWork(Work work) throws WorkException {
    run(work);
  }

  @Override
  public void scheduleWork(Work work, long timeout, ExecutionContext context, WorkListener listener)
      throws WorkException {
    run(work);
  }
}
