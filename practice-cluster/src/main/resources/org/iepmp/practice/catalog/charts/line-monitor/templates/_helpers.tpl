{{- define "line-monitor.labels" -}}
app.kubernetes.io/name: line-monitor
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}
{{- define "line-monitor.selector" -}}
app.kubernetes.io/name: line-monitor
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
