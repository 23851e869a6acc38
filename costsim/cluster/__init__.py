"""The estimate mapped over a Dask cluster: parts of the input read, classified and summed on workers."""
