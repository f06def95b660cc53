package com.escalationrca.web.api;

import java.util.List;

import com.escalationrca.track.CauseEvent;
import com.escalationrca.track.CauseState;
import com.escalationrca.track.TrackedCause;
import com.escalationrca.track.TrackedCauses;
import com.escalationrca.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/causes[?state=] and /api/causes/{id} (with its history): the tracked causes, for scripts. */
@RestController
public class CauseApi {

  private final TrackedCauses causes;

  public CauseApi(TrackedCauses causes) {
    this.causes = causes;
  }

  public record CauseView(TrackedCause cause, List<CauseEvent> history) {
  }

  @GetMapping("/api/causes")
  public List<TrackedCause> list(@RequestParam(required = false) String state) {
    return causes.list(state == null ? null : CauseState.parse(state));
  }

  @GetMapping("/api/causes/{id}")
  public CauseView cause(@PathVariable long id) {
    return new CauseView(causes.find(id).orElseThrow(() -> new NotFoundException("no tracked cause " + id)),
        causes.events(id));
  }
}
