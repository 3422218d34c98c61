// `bulwark/sw`: the service-worker side of the offline queue.
export {};
