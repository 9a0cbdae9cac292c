/* `skbox run --trace-html FILE`: the recorded packet trace as one
 * self-contained HTML page (no network access, no external script): the
 * world's namespaces and devices as lanes, each traced event as a hop on
 * its device's lane in time order, the hops of one packet (tracking id)
 * joined into a path, drops drawn red with their reason.  The data sits in
 * the page as JSON (<script type="application/json">), the drawing is done
 * by the page's own script into an SVG. */
#include <stdio.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/world.h"
#include "trace_html.h"

static const char page_head[] =
	"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<title>skbox packet trace</title>\n<style>\n"
	"body{font:13px/1.35 system-ui,sans-serif;margin:16px;color:#222}\n"
	"h1{font-size:18px;margin:0 0 6px}\n#summary{margin:0 0 10px;color:#444}\n"
	".ns{fill:#f3f6fb;stroke:#9ab}\n.nslabel{font-weight:bold;fill:#345}\n"
	".lane{stroke:#ccd;stroke-dasharray:3 3}\n.devlabel{fill:#345;font-size:12px}\n"
	".path{fill:none;stroke-width:1.6;opacity:.75}\n"
	".hop{stroke:#234;stroke-width:.8}\n.hop.drop{fill:#d22;stroke:#800;stroke-width:1.4}\n"
	".label{font-size:11px;fill:#333}\n.label.drop{fill:#c00;font-weight:bold}\n"
	"</style>\n</head>\n<body>\n<h1>skbox packet trace</h1>\n"
	"<div id=\"summary\"></div>\n<svg id=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\"></svg>\n";

/* The renderer: lanes from the world's devices and the events' devices,
 * one row per event. */
static const char page_script[] =
	"<script>\n"
	"(function(){\n"
	"var world=JSON.parse(document.getElementById('world').textContent);\n"
	"var ev=JSON.parse(document.getElementById('events').textContent);\n"
	"var NS='http://www.w3.org/2000/svg',svg=document.getElementById('diagram');\n"
	"function el(n,a,t){var e=document.createElementNS(NS,n);for(var k in a)e.setAttribute(k,a[k]);"
	"if(t!==undefined)e.textContent=t;svg.appendChild(e);return e;}\n"
	"var nets=[],lane={};\n"
	"function addDev(ns,dev){var k=ns+'\\u0000'+dev;if(k in lane)return;var g=null;"
	"for(var i=0;i<nets.length;i++)if(nets[i].name===ns)g=nets[i];"
	"if(!g){g={name:ns,devs:[]};nets.push(g);}g.devs.push(dev);lane[k]=-1;}\n"
	"world.nets.forEach(function(n){n.devs.forEach(function(d){addDev(n.name,d.name);});});\n"
	"ev.forEach(function(e){addDev(e.ns,e.dev);});\n"
	"var LW=110,X0=20,TOP=64,ROW=22,x=X0;\n"
	"nets.forEach(function(g){g.x=x;g.devs.forEach(function(d){lane[g.name+'\\u0000'+d]=x+LW/2;x+=LW;});"
	"g.w=x-g.x;x+=16;});\n"
	"var H=TOP+ROW*(ev.length+1),W=x+420;\n"
	"svg.setAttribute('width',W);svg.setAttribute('height',H);\n"
	"nets.forEach(function(g){el('rect',{class:'ns',x:g.x,y:4,width:g.w,height:H-8,rx:6});"
	"el('text',{class:'nslabel',x:g.x+6,y:20},'netns '+g.name);"
	"g.devs.forEach(function(d){var lx=lane[g.name+'\\u0000'+d];"
	"el('line',{class:'lane',x1:lx,y1:TOP-18,x2:lx,y2:H-8});"
	"el('text',{class:'devlabel',x:lx,y:40,'text-anchor':'middle'},d);});});\n"
	"var byId={},drops=0;\n"
	"ev.forEach(function(e,i){e.x=lane[e.ns+'\\u0000'+e.dev];e.y=TOP+ROW*i;"
	"(byId[e.id]=byId[e.id]||[]).push(e);if(e.stage==='DROP')drops++;});\n"
	"Object.keys(byId).forEach(function(id){var p=byId[id];if(p.length<2)return;"
	"var hue=(id*137)%360;el('polyline',{class:'path','data-id':id,stroke:'hsl('+hue+',60%,45%)',"
	"points:p.map(function(e){return e.x+','+e.y;}).join(' ')});});\n"
	"ev.forEach(function(e){var d=e.stage==='DROP',hue=(e.id*137)%360;"
	"var c=el('circle',{class:d?'hop drop':'hop',cx:e.x,cy:e.y,r:d?6:4,'data-id':e.id,"
	"'data-stage':e.stage,fill:d?'#d22':'hsl('+hue+',60%,55%)'});"
	"var txt='#'+e.id+' '+e.stage+(e.note?' '+e.note:'');"
	"var t=document.createElementNS(NS,'title');t.textContent=(e.t_ns/1e9).toFixed(6)+'s '+e.ns+' '+e.dev+' '+txt;c.appendChild(t);"
	"el('text',{class:d?'label drop':'label',x:x+8,y:e.y+4},(e.t_ns/1e9).toFixed(6)+'  '+e.dev+'  '+txt);});\n"
	"document.getElementById('summary').textContent=ev.length+' events, '+Object.keys(byId).length+"
	"' packets, '+drops+' dropped, '+nets.length+' namespaces';\n"
	"svg.setAttribute('data-hops',ev.length);svg.setAttribute('data-drops',drops);\n"
	"})();\n</script>\n</body>\n</html>\n";

static void write_world(FILE *f, struct world *w)
{
	struct net *net;
	bool first_net = true;

	fputs("<script id=\"world\" type=\"application/json\">{\"nets\":[", f);
	list_for_each_entry(net, &w->nets, list) {
		struct net_device *dev;
		bool first = true;

		fprintf(f, "%s{\"name\":", first_net ? "" : ",");
		trace_json_string(f, net->name[0] ? net->name : "-");
		fputs(",\"devs\":[", f);
		for_each_netdev(net, dev) {
			fprintf(f, "%s{\"name\":", first ? "" : ",");
			trace_json_string(f, dev->name);
			fputs(",\"kind\":", f);
			trace_json_string(f, dev->rtnl_link_ops ? dev->rtnl_link_ops->kind :
				   (dev->flags & IFF_LOOPBACK ? "loopback" : "device"));
			if (dev->master) {
				fputs(",\"master\":", f);
				trace_json_string(f, dev->master->name);
			}
			fputc('}', f);
			first = false;
		}
		fputs("]}", f);
		first_net = false;
	}
	fputs("]}</script>\n", f);
}

int trace_html_write(struct world *w, const char *path)
{
	FILE *f = fopen(path, "w");
	const char *ev;
	size_t len;

	if (!f)
		return -1;
	fputs(page_head, f);
	write_world(f, w);
	fputs("<script id=\"events\" type=\"application/json\">[\n", f);
	ev = trace_events(w, &len);
	/* JSON lines to a JSON array: a comma after every line but the last */
	for (size_t i = 0; i < len; i++) {
		if (ev[i] == '\n' && i + 1 < len)
			fputs(",\n", f);
		else
			fputc(ev[i], f);
	}
	fputs("]</script>\n", f);
	fputs(page_script, f);
	return fclose(f) ? -1 : 0;
}
