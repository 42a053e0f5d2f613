package org.portcullis.web.console;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table that pages on the server: the table asks for the number of rows and for the page it
 * shows, and a service answers both with a query, so thousands of rows cost one page's worth. The
 * three functions are serializable, so the model is as serializable as the view-scoped page that
 * holds it (a function that reads the page's filter fields captures the page).
 *
 * @param <T> a row as the table shows it
 */
public final class PagedRows<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** How many rows there are for the current filter. */
  @FunctionalInterface
  public interface Count extends Serializable {
    long rows();
  }

  /** The rows from {@code first}, at most {@code size} of them, for the current filter. */
  @FunctionalInterface
  public interface Page<T> extends Serializable {
    List<T> rows(int first, int size);
  }

  /** What names a row among the others (for selection and row actions). */
  @FunctionalInterface
  public interface Key<T> extends Serializable {
    String of(T row);
  }

  private final Count count;
  private final Page<T> page;
  private final Key<T> key;

  public PagedRows(Count count, Page<T> page, Key<T> key) {
    this.count = count;
    this.page = page;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, count.rows());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return page.rows(first, pageSize);
  }

  @Override
  public String getRowKey(T row) {
    return key.of(row);
  }

  @Override
  public T getRowData(String rowKey) {
    List<T> shown = getWrappedData();
    if (shown == null) {
      return null;
    }
    return shown.stream().filter(row -> key.of(row).equals(rowKey)).findFirst().orElse(null);
  }
}
