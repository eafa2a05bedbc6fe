// Test support: a fake vendor HTTP server on 127.0.0.1.
