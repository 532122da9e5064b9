"""phi-guard's speed benchmark (``make bench``): a synthetic workload and the side-by-side run."""
