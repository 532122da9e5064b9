"""Run by test_spark.py in a child process (the suite blocks sockets, and Spark talks to its JVM
over loopback). Only loopback addresses may be reached here: anything else raises."""

from __future__ import annotations

import ipaddress
import json
import socket
import sys

_connect = socket.socket.connect


def _loopback_only(self, address):  # type: ignore[no-untyped-def]
    if isinstance(address, tuple):
        host = address[0]
        if host != "localhost" and not ipaddress.ip_address(host).is_loopback:
            raise OSError(f"non-loopback connection refused in tests: {host}")
    return _connect(self, address)


socket.socket.connect = _loopback_only  # type: ignore[method-assign]


INPUT_DDL = ("id string, kind string, platform string, in_reply_to struct<author:string,text:string>, "
             "consent boolean, text string")


def main(corpus: str, profile: str, out: str) -> None:
    from pyspark.sql import SparkSession

    from phi_guard.spark import lint_dataframe

    spark = (SparkSession.builder.master("local[2]").appName("phi-guard-test")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
             .config("spark.python.worker.reuse", "true")
             # a JVM that starts fast (C1 only) matters more here than one that runs long
             .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
             .getOrCreate())
    try:
        df = spark.read.schema(INPUT_DDL).json(corpus).repartition(4)  # 4 tasks on 2 workers: linters are reused
        bad = spark.createDataFrame([("bad-1", None), ("bad-2", "fine text")], "id string, text string") \
            .selectExpr("id", "text", "'tweet' as kind")
        rows = lint_dataframe(df, profile=profile).collect() + lint_dataframe(bad, profile=profile).collect()
        with open(out, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({"id": r["id"], "level": r["level"], "risk": r["risk"], "error": r["error"],
                                     "findings": [f.asDict() for f in r["findings"]]}) + "\n" for r in rows)
    finally:
        spark.stop()


if __name__ == "__main__":
    main(*sys.argv[1:4])
