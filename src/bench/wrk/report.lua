-- Shared by every scenario: one machine-readable line at the end (status errors are HTTP answers >= 400):
-- RESULT rps=<n> p50=<ms> p99=<ms> max=<ms> requests=<n> status_errors=<n> socket_errors=<n>
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f max=%.2f requests=%d status_errors=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, summary.errors.status, errors))
end
