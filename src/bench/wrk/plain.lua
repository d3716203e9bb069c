-- A fixed GET (the path given on the command line).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
