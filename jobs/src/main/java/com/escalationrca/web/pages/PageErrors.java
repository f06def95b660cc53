package com.escalationrca.web.pages;

import com.escalationrca.index.LiveSearcher;
import com.escalationrca.index.SearchTimeoutException;
import com.escalationrca.web.BindErrors;
import com.escalationrca.web.NotFoundException;
import com.escalationrca.web.PageModel;
import com.escalationrca.web.SearchPermits;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the pages as pages in plain words: a wrong link is a 404, bad input a 400, never a stack trace. */
@ControllerAdvice(assignableTypes = {MorningReadController.class, ClusterController.class, SearchController.class,
    EscalationController.class, AdminController.class, CauseController.class, InvestigateController.class,
    EventController.class})
public class PageErrors {

  private final PageModel pageModel;

  public PageErrors(PageModel pageModel) {
    this.pageModel = pageModel;
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String notFound(NotFoundException e, Model model) {
    return problem(model, "Not found", e.getMessage());
  }

  @ExceptionHandler(LiveSearcher.NoIndexException.class)
  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  public String noIndex(LiveSearcher.NoIndexException e, Model model) {
    return problem(model, "Nothing indexed yet", "The nightly job has not indexed any escalations on this data folder.");
  }

  @ExceptionHandler(SearchTimeoutException.class)
  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  public String searchTimeout(SearchTimeoutException e, Model model) {
    return problem(model, "Search stopped", e.getMessage());
  }

  @ExceptionHandler(SearchPermits.TooManySearchesException.class)
  @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
  public String tooManySearches(SearchPermits.TooManySearchesException e, Model model) {
    return problem(model, "Too many searches at once", e.getMessage());
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  public String forbidden(org.springframework.security.access.AccessDeniedException e, Model model) {
    return problem(model, "Not allowed", e.getMessage());
  }

  @ExceptionHandler(org.springframework.validation.BindException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public String badForm(org.springframework.validation.BindException e, Model model) {
    return problem(model, "Cannot show this", BindErrors.message(e));
  }

  @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public String badRequest(Exception e, Model model) {
    String message = e instanceof MethodArgumentTypeMismatchException m
        ? "'" + m.getValue() + "' is not a valid " + m.getName() : e.getMessage();
    return problem(model, "Cannot show this", message);
  }

  private String problem(Model model, String title, String message) {
    model.addAttribute("viewer", pageModel.viewer());
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    return "problem";
  }
}
